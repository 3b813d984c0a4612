package cn.cadreflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CadreFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CadreFlowApplication.class, args);
    }
}
